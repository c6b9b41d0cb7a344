package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.BuildInfo;
import picocli.CommandLine;

public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"orchestrator " + BuildInfo.version() + " (jep " + BuildInfo.jepVersion() + ")"};
    }
}
