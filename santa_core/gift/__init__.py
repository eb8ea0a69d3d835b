"""Gift tracking per pair: the santa marks bought and sent, the giftee marks received."""
