"""Participation's services: every write of aspirations (and, in their own files, planning) goes through here."""
