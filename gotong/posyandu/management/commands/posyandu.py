import json
import math

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from gotong.core.numbers import parse_decimal
from gotong.posyandu import growth


def _number(text: str | None, what: str, *, integer: bool = False) -> float | int | None:
    if text is None:
        return None
    try:
        value = int(text) if integer else float(parse_decimal(text))
    except (ValueError, ValidationError) as exc:
        kind = "bilangan bulat" if integer else "angka"
        raise CommandError(f"{what} harus {kind}, bukan {text!r}.", returncode=1) from exc
    if not math.isfinite(value) or value < 0 or (value == 0 and not integer):
        raise CommandError(f"{what} harus lebih dari nol.", returncode=1)
    return value


class Command(BaseCommand):
    help = (
        "Posyandu. `gotong posyandu zscore --sex M|F --age-days N --weight KG --height CM "
        "[--measure lying|standing] [--oedema]` mencetak skor-z WHO 2006 dan status gizi (Permenkes 2/2020) "
        "sebagai JSON."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        zscore = sub.add_parser("zscore", help="Hitung skor-z BB/U, PB/U atau TB/U, BB/PB atau BB/TB, IMT/U.")
        zscore.add_argument("--sex", required=True, help="M (laki-laki) atau F (perempuan)")
        zscore.add_argument("--age-days", required=True, help="umur dalam hari (0–1826)")
        zscore.add_argument("--weight", help="berat badan dalam kg")
        zscore.add_argument("--height", help="panjang/tinggi badan dalam cm")
        zscore.add_argument("--measure", help="lying (telentang) atau standing (berdiri); bawaan: menurut umur")
        zscore.add_argument("--oedema", action="store_true", help="ada edema bilateral")

    def handle(self, *args, action, **options):
        if action == "zscore":
            self._zscore(options)

    def _zscore(self, options) -> None:
        sex = (options["sex"] or "").strip().upper()
        if sex not in growth.SEXES:
            raise CommandError("--sex harus M (laki-laki) atau F (perempuan).", returncode=1)
        age_days = _number(options["age_days"], "--age-days", integer=True)
        weight = _number(options["weight"], "--weight")
        height = _number(options["height"], "--height")
        measure = options["measure"]
        if measure is not None and measure not in (growth.LYING, growth.STANDING):
            raise CommandError("--measure harus lying (telentang) atau standing (berdiri).", returncode=1)
        if weight is None and height is None:
            raise CommandError("Isi --weight dan/atau --height.", returncode=1)
        if weight is not None and weight > 100:
            raise CommandError(f"--weight {weight} kg tidak masuk akal untuk balita.", returncode=1)
        if height is not None and height > 200:
            raise CommandError(f"--height {height} cm tidak masuk akal untuk balita.", returncode=1)
        result = growth.compute(
            sex=sex, age_days=age_days, weight_kg=weight, length_cm=height, measure=measure, oedema=options["oedema"]
        )
        self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
