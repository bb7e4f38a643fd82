"""Pure Python core: records, codelists, validation, money and fx. No I/O, no Qt."""
