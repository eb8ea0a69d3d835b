"""santa_core."""

import email_validator

# Email addresses: the syntax of RFC 5321 (the spec's ``format: email``), on any domain.
# santa hands mail to the configured relay, and whether a domain takes mail is the
# relay's business; special-use names (``.test``, ``.local``, ``.invalid``...) are what
# staging and test setups use, so they are accepted like any other domain.
email_validator.SPECIAL_USE_DOMAIN_NAMES.clear()
