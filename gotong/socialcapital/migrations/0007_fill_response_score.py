"""Store the scores of the responses that exist before the table did (re-runnable: it replaces every row).

The scoring is `gotong.socialcapital.scoring.compute_scores`, on the historical models, a chunk of responses at a
time, as `gotong.socialcapital.stored_scores` writes them; reversed by deleting the rows.
"""

from django.db import migrations

CHUNK = 1000


def fill(apps, schema_editor):
    from gotong.socialcapital.scoring import SCORE_COLUMNS, compute_scores

    Response = apps.get_model("socialcapital", "Response")
    Answer = apps.get_model("socialcapital", "Answer")
    Choice = apps.get_model("socialcapital", "Choice")
    ResponseScore = apps.get_model("socialcapital", "ResponseScore")
    ResponseScore.objects.all().delete()
    provinces = dict(Response.objects.order_by("pk").values_list("pk", "province_code"))
    ids = list(provinces)
    for start in range(0, len(ids), CHUNK):
        scores = compute_scores(Answer.objects.filter(response_id__in=ids[start : start + CHUNK]), Choice)
        rows = [
            ResponseScore(
                response_id=pk, province_code=provinces[pk], **{name: dims.get(name) for name in SCORE_COLUMNS}
            )
            for pk, dims in scores.items()
        ]
        ResponseScore.objects.bulk_create(rows, batch_size=CHUNK)


def empty(apps, schema_editor):
    apps.get_model("socialcapital", "ResponseScore").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("socialcapital", "0006_response_score")]

    operations = [migrations.RunPython(fill, empty)]
