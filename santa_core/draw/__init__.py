"""The draw: the pure engine (``engine/``) and its database side (``service.py``)."""
