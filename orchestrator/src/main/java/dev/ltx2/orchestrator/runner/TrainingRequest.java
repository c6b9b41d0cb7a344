package dev.ltx2.orchestrator.runner;

import dev.ltx2.orchestrator.pyenv.PythonEnv;
import java.nio.file.Path;

/** What a runner needs: the resolved config (JSON), the venv with the fork, and a log file. */
public record TrainingRequest(String configJson, PythonEnv env, Path logFile) {}
