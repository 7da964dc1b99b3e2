"""Stage 2, per article: the article pass over the tagger's labels (``document``), the
article-level rules (``rules``), tagged spans cleaned into mentions (``mentions``) and mentions
merged into one entity per real entity (``merge``)."""
