"""The account's address book over CardDAV (RFC 6352), read-only: the phone knows the network."""
