"""Organizations get an industry code and its source; older free-text industries become codes, and
organizations without one get the industry their name tells (core.industries)."""

from django.db import migrations, models

from vernetzt.core.industries import SOURCE_DATA, SOURCE_NAME, industry_in_name, stored_code


def industries_as_codes(apps, schema_editor):
    Organization = apps.get_model("people", "Organization")
    # One UPDATE per distinct (industry, source), not one per organization: a pool of a million
    # people has 50,000 organizations but only a few dozen industries.
    groups: dict[tuple[str, str], list[int]] = {}
    rows = Organization.objects.values_list("id", "name", "industry").iterator(chunk_size=5000)
    for pk, name, industry in rows:
        code, source = stored_code(industry), SOURCE_DATA
        if code < 0:
            code, source = industry_in_name(name) or -1, SOURCE_NAME
        key = (str(code), source) if code >= 0 else ("", "")
        if key != (industry, ""):
            groups.setdefault(key, []).append(pk)
    for (industry, source), ids in groups.items():
        for start in range(0, len(ids), 900):  # SQLite's limit of bound parameters
            Organization.objects.filter(pk__in=ids[start : start + 900]).update(
                industry=industry, industry_source=source
            )


class Migration(migrations.Migration):
    dependencies = [("people", "0008_birthday_index")]

    operations = [
        migrations.AddField(
            model_name="organization",
            name="industry_source",
            field=models.CharField(blank=True, editable=False, max_length=8),
        ),
        migrations.RunPython(industries_as_codes, migrations.RunPython.noop),
    ]
