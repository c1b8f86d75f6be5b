"""`gotong access matrix [--write]`: print the access policy's role matrix (or write it to docs/access.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from gotong.core.policy.matrix import render_markdown

DOC = Path(__file__).resolve().parents[4] / "docs" / "access.md"


class Command(BaseCommand):
    help = "Kebijakan akses: matrix mencetak siapa boleh melihat dan melakukan apa (--write: ke docs/access.md)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["matrix"])
        parser.add_argument("--write", action="store_true", help="tulis ke docs/access.md")

    def handle(self, *args, action, write=False, **options):
        text = render_markdown()
        if write:
            DOC.write_text(text, encoding="utf-8")
            self.stdout.write(f"{DOC} ditulis.")
        else:
            self.stdout.write(text, ending="")
