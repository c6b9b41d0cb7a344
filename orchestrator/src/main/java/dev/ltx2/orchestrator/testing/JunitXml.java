package dev.ltx2.orchestrator.testing;

import dev.ltx2.orchestrator.core.JunitReport.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the test cases of a JUnit XML report (surefire, failsafe, pytest, {@code JunitReport}).
 * No report needs a DOCTYPE, so none is accepted: no external entity or DTD is ever fetched.
 */
public final class JunitXml {
    private JunitXml() {}

    /** Every {@code <testcase>} in document order, nested suites included. */
    public static List<JunitCase> read(Path report) throws IOException {
        Element root;
        try {
            root = parser().parse(report.toFile()).getDocumentElement();
        } catch (SAXParseException e) {
            throw new IOException("line " + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<JunitCase> cases = new ArrayList<>();
        if (root.getTagName().equals("testcase")) cases.add(testCase(root));
        NodeList all = root.getElementsByTagName("testcase");
        for (int i = 0; i < all.getLength(); i++) {
            cases.add(testCase((Element) all.item(i)));
        }
        return cases;
    }

    private static JunitCase testCase(Element e) {
        // <failure> before <error> before <skipped>, as JUnit's own readers rank them
        for (String tag : List.of("failure", "error", "skipped")) {
            Optional<Element> verdict = child(e, tag);
            if (verdict.isPresent()) {
                return new JunitCase(e.getAttribute("classname"), e.getAttribute("name"),
                        tag.equals("skipped") ? Outcome.SKIPPED : Outcome.FAILED,
                        verdict.get().getAttribute("message"), verdict.get().getTextContent());
            }
        }
        return new JunitCase(e.getAttribute("classname"), e.getAttribute("name"), Outcome.PASSED, "", "");
    }

    /** A direct child only: a nested case's verdict is that case's. */
    private static Optional<Element> child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && child.getTagName().equals(tag)) return Optional.of(child);
        }
        return Optional.empty();
    }

    private static DocumentBuilder parser() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // the default handler also prints "[Fatal Error] ..." to stderr; the exception says it once
            builder.setErrorHandler(new ErrorHandler() {
                @Override public void warning(SAXParseException e) {}
                @Override public void error(SAXParseException e) throws SAXException { throw e; }
                @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IOException("no safe XML parser: " + e.getMessage(), e);
        }
    }
}
