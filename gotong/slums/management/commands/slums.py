import json
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from gotong.slums.scoring import assess


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


class Command(BaseCommand):
    help = "Permukiman kumuh (Permen PUPR 14/PRT/M/2018). `gotong slums assess BERKAS.json` menghitung nilai."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        assess_parser = sub.add_parser(
            "assess", help='Hitung nilai dan tingkat kekumuhan dari {"criteria": {"1a": 40, ...}} dalam berkas JSON.'
        )
        assess_parser.add_argument("path", metavar="BERKAS.json")

    def handle(self, *args, action, **options):
        if action == "assess":
            self._assess(Path(options["path"]))

    def _assess(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise CommandError(f"Berkas tidak ditemukan: {path}", returncode=1) from exc
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"Berkas {path} bukan JSON yang sah: {exc}", returncode=1) from exc
        criteria = data.get("criteria") if isinstance(data, dict) else None
        if not isinstance(criteria, dict):
            raise CommandError(
                'Berkas harus berisi objek "criteria", mis. {"criteria": {"1a": 40, "1b": 10, ...}}.', returncode=1
            )
        try:
            result = assess(criteria)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=1) from exc
        output = {
            "total": result.total,
            "class": result.slum_class,
            "criteria": {
                code: {"percent": _number(percent), "score": result.scores[code]}
                for code, percent in result.percentages.items()
            },
        }
        self.stdout.write(json.dumps(output, ensure_ascii=False))
