"""Stage 1, per sentence: tokens, CRF features (gazetteer hits, the train split's lexicon,
corpus usage) and the CRF tagger that labels them."""
