"""Logic behind the LTX-2 character fork of ai-toolkit.

The patch series under ``patches/`` only calls into this package; everything that can
be tested without the upstream trainer lives here (see docs/architecture.md).
"""
