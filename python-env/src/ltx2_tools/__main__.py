"""``python -m ltx2_tools VERB [ARGS]``: the orchestrator's one door to the tooling (``door.py``)."""
import sys

from ltx2_tools.door import main

sys.exit(main())
