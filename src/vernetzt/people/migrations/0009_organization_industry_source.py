"""Organizations get an industry code and its source; older free-text industries become codes, and
organizations without one get the industry their name tells (core.industries)."""

from django.db import migrations, models

from vernetzt.core.industries import SOURCE_DATA, SOURCE_NAME, industry_in_name, stored_code


def industries_as_codes(apps, schema_editor):
    Organization = apps.get_model("people", "Organization")
    changed = []
    for organization in Organization.objects.only("id", "name", "industry").iterator(chunk_size=2000):
        code, source = stored_code(organization.industry), SOURCE_DATA
        if code < 0:
            code, source = industry_in_name(organization.name) or -1, SOURCE_NAME
        organization.industry = str(code) if code >= 0 else ""
        organization.industry_source = source if code >= 0 else ""
        changed.append(organization)
    Organization.objects.bulk_update(changed, ["industry", "industry_source"], batch_size=2000)


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
