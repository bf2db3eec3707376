from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from vernetzt.accounts.ownership import OwnedModel


class AddressBookSettings(OwnedModel):
    """Who is in the account's CardDAV address book; one row per account, created when first changed.

    The defaults hold the people that matter on the way to the next meeting — never the whole imported
    pool, which may be 30,000 LinkedIn connections nobody wants on their phone.
    """

    relationships = models.BooleanField(
        _("People I am in touch with"), default=True, help_text=_("A contact tier or a logged conversation.")
    )
    pipelines = models.BooleanField(_("People on a goal's pipeline"), default=True)
    must_meet = models.BooleanField(
        _("Must-meet lists"), default=True, help_text=_("Upcoming events and the last 30 days.")
    )
    connections = models.BooleanField(_("All LinkedIn and XING connections"), default=False)
    everyone = models.BooleanField(
        _("Everyone in vernetzt"), default=False, help_text=_("Can be thousands of imported people.")
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="address_book_settings_one_per_owner")]
