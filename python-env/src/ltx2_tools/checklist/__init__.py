"""The SOP's pre-handoff checklist (section 8, items 1-12) as runnable checks on tiny LTX-2."""
