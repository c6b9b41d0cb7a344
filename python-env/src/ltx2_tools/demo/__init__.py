"""Demo assets generated at run time: a tiny random LTX-2 and a small character dataset."""
