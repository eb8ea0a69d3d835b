"""The shared toolbox under every domain: field types, schema bases, bulk inserts.

``kit`` knows no domain: it imports only the foundation modules
(``santa_core.db``, ``santa_core.errors``, ``santa_core.models``) and
third-party libraries, so every domain may use it.
"""
