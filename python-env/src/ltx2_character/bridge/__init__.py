"""The bridge between ai-toolkit's trainer and the Java orchestrator.

Both runners (in-process Jep and subprocess) call :func:`run.run_training` with a sink
that takes one JSON event per line and a stop flag polled at every step end; only how
the sink and flag reach Python differs.
"""
