"""Anonymous messages between a santa and their giftee, one thread per pair."""
