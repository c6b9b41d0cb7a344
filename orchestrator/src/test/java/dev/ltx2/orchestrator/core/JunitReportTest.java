package dev.ltx2.orchestrator.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class JunitReportTest {
    @Test
    void writesEachOutcomeAsJunitReadsIt() throws Exception {
        String xml = JunitReport.xml("fork verify", List.of(
                new JunitReport.Case("A", JunitReport.Outcome.PASSED, ""),
                new JunitReport.Case("B <audio> & \"loss\"", JunitReport.Outcome.FAILED, "1 failed"),
                new JunitReport.Case("7", JunitReport.Outcome.SKIPPED, "needs CUDA")));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("3", doc.getDocumentElement().getAttribute("tests"));
        assertEquals(3, doc.getElementsByTagName("testcase").getLength());
        assertEquals("1 failed", ((org.w3c.dom.Element) doc.getElementsByTagName("failure").item(0)).getAttribute("message"));
        assertEquals("B <audio> & \"loss\"",
                ((org.w3c.dom.Element) doc.getElementsByTagName("testcase").item(1)).getAttribute("name"));
        assertEquals("needs CUDA", ((org.w3c.dom.Element) doc.getElementsByTagName("skipped").item(0)).getAttribute("message"));
    }
}
