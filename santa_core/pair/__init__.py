"""Pairs seen from one side: a santa and a giftee, named so the giftee never learns who.

A pair is addressed by an opaque ``pair_id`` (an HMAC of the box and the two
participants under the server's secret): the santa and the giftee use the same
id, neither can derive the other's identity from it, and it stays the same
while the pair exists. Messages and gift tracking point at the pair's ``draws``
row, so the database names a santa beside their giftee nowhere else.
"""
