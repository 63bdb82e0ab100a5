"""The names of the export formats, in one place: the CLI, the app and the exporters import them from
here (a light module, so the CLI's start-up does not load the renderers).

>>> DOCUMENT_FORMATS
('md', 'html', 'docx')
>>> DATA_FORMATS
('ttl', 'nt', 'trig', 'jsonld', 'graphml', 'gexf', 'csv')
"""

DOCUMENT_FORMATS = ("md", "html", "docx")  # meeting pack, intake summary, lessons bundle
RDF_DUMP_FORMATS = ("ttl", "nt", "trig", "jsonld")
DATA_FORMATS = (*RDF_DUMP_FORMATS, "graphml", "gexf", "csv")  # kernen export data
