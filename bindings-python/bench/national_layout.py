"""What the pandas and polars versions share about the national data set's layout
(docs/national-data.md): its tables and the status each event type enters."""

#: The Parquet tables of a national data set directory.
TABLES = ("congresses", "units", "suggestions", "events", "calendar", "deadlines")

#: The status each event enters (extensions and feedback enter none).
STATUS = {
    "suggestion_submitted": "submitted",
    "suggestion_revised": "submitted",
    "suggestion_accepted": "accepted",
    "suggestion_returned": "returned_for_revision",
    "suggestion_rejected": "rejected",
    "suggestion_withdrawn": "withdrawn",
    "suggestion_assigned": "assigned",
    "suggestion_replied": "replied",
    "rehandling_started": "rehandling",
    "placed_in_plan": "in_plan",
    "suggestion_closed": "closed",
}
