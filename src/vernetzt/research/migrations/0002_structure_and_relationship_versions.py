from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("research", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(model_name="poolversion", old_name="version", new_name="structure"),
        migrations.AddField(
            model_name="poolversion",
            name="relationship",
            field=models.PositiveBigIntegerField(default=0),
        ),
    ]
