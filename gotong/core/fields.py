"""Model fields shared by the modules."""

from django.db import models


class AreaCodeField(models.CharField):
    """A dotted Kemendagri area code ("12.71.08.1002.003.001"), the key of every scope.

    On PostgreSQL the column compares bytewise (collation "C"): codes are digits and dots, and under "C" a plain
    index on the column serves a prefix match (`LIKE '12.71%'`) as a range read in index order. Under a language
    collation the same match can only filter an index read from its start, which is fast while the database
    holds one city and seconds once a province's other cities sort before it.
    """

    def db_parameters(self, connection):
        parameters = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            parameters["collation"] = "C"
        return parameters
