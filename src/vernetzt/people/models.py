"""People and where they work: the pool the research engine ranks.

Derived columns (seniority, function, country, regions, search text) are computed on write by the
services, so reading 1,000,000 rows for ranking never re-parses a title or a place.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vernetzt.accounts.ownership import OwnedModel


class Tier(models.TextChoices):
    INNER = "inner", _("Inner circle")
    KEY = "key", _("Key contact")
    DEVELOPING = "developing", _("Developing")
    NEW = "new", _("New contact")
    SECONDARY = "secondary", _("Secondary")
    POOL = "pool", _("Not in touch yet")


# How close the user is to a contact of each tier when no explicit tie says so (0..1, as in core.paths).
TIER_CLOSENESS = {"inner": 1.0, "key": 0.8, "developing": 0.6, "new": 0.4, "secondary": 0.3, "pool": 0.0}


class Formality(models.TextChoices):
    SIE = "sie", _("Formal (Sie)")
    DU = "du", _("Informal (du)")


class TitleOfAddress(models.TextChoices):
    """How a person is addressed in German ("Frau"/"Herr") and so in English ("Ms"/"Mr"); none when
    unknown or when the person prefers their name alone."""

    NONE = "", _("none")
    FRAU = "Frau", _("Ms (Frau)")
    HERR = "Herr", _("Mr (Herr)")


class LegalBasis(models.TextChoices):
    """Why the user may keep a person's data (GDPR Art. 6(1)); for a professional network usually the
    legitimate interest in keeping in touch, which gives the person the right to object (Art. 21)."""

    LEGITIMATE_INTEREST = "legitimate_interest", _("Legitimate interest (Art. 6(1)(f))")
    CONSENT = "consent", _("Consent (Art. 6(1)(a))")
    CONTRACT = "contract", _("Contract (Art. 6(1)(b))")
    OTHER = "other", _("Other")


class Organization(OwnedModel):
    name = models.CharField(_("name"), max_length=300)
    normalized_name = models.CharField(max_length=300, editable=False)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    # An industry code of core/data/industries.tsv ("116"), and where it came from (core.industries).
    industry = models.CharField(_("industry"), max_length=200, blank=True)
    industry_source = models.CharField(max_length=8, blank=True, editable=False)
    country = models.CharField(_("country"), max_length=2, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "normalized_name"], name="org_unique_name_per_owner")
        ]

    def __str__(self) -> str:
        return self.name


class Person(OwnedModel):
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    display_name = models.CharField(_("name"), max_length=320)
    title_of_address = models.CharField(
        _("title of address"), max_length=4, choices=TitleOfAddress.choices, blank=True, default=""
    )
    academic_title = models.CharField(
        _("academic title"),
        max_length=40,
        blank=True,
        help_text=_("As used in a salutation, e.g. Dr. or Prof. Dr."),
    )
    is_me = models.BooleanField(default=False, editable=False)
    emails = models.JSONField(_("e-mail addresses"), default=list, blank=True)
    phones = models.JSONField(_("phone numbers"), default=list, blank=True)
    linkedin_url = models.URLField(_("LinkedIn profile"), max_length=500, blank=True)
    linkedin_slug = models.CharField(max_length=200, blank=True, db_index=True, editable=False)
    xing_url = models.URLField(_("XING profile"), max_length=500, blank=True)
    xing_slug = models.CharField(max_length=200, blank=True, db_index=True, editable=False)
    birth_day = models.PositiveSmallIntegerField(
        _("birthday: day"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    birth_month = models.PositiveSmallIntegerField(
        _("birthday: month"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    birth_year = models.PositiveSmallIntegerField(
        _("birthday: year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    city = models.CharField(_("city"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("ISO 3166 code"))
    regions = models.JSONField(default=list, blank=True, editable=False)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    interests = models.JSONField(_("interests"), default=list, blank=True)
    associations = models.JSONField(_("associations and clubs"), default=list, blank=True)
    expertise = models.JSONField(_("field and expertise"), default=list, blank=True)
    # What the person said they are looking for ("Lagerplaner in Vietnam") and can offer others: the
    # first things benefit suggestions try to match.
    needs = models.JSONField(_("looking for"), default=list, blank=True)
    offers = models.JSONField(_("can offer"), default=list, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    tier = models.CharField(_("contact tier"), max_length=12, choices=Tier.choices, default=Tier.POOL)
    formality = models.CharField(
        _("form of address"), max_length=3, choices=Formality.choices, default=Formality.SIE
    )
    linkedin_connected = models.BooleanField(_("connected on LinkedIn"), default=False)
    xing_connected = models.BooleanField(_("connected on XING"), default=False)
    connected_on = models.DateField(_("connected since"), null=True, blank=True)
    # Where the data came from (people.provenance): [{"kind", "file", "batch_id", "date"}, ...].
    sources = models.JSONField(default=list, blank=True, editable=False)
    legal_basis = models.CharField(
        _("legal basis"), max_length=20, choices=LegalBasis.choices, default=LegalBasis.LEGITIMATE_INTEREST
    )
    purpose = models.CharField(
        _("purpose"),
        max_length=300,
        blank=True,
        help_text=_("Why you keep this person's data; the goals they are part of are added by themselves."),
    )
    # The person objected (Art. 21) or asked not to be contacted: no draft, task, digest or suggestion.
    do_not_contact = models.BooleanField(_("do not contact"), default=False)
    do_not_contact_on = models.DateField(_("do not contact since"), null=True, blank=True, editable=False)
    # Fields the user changed by hand; imports do not overwrite them unless asked to.
    edited_fields = models.JSONField(default=list, blank=True, editable=False)
    # Current role, denormalised from the current Position for listing and ranking.
    title = models.CharField(_("job title"), max_length=300, blank=True)
    organization_name = models.CharField(_("organization"), max_length=300, blank=True)
    seniority = models.CharField(max_length=12, blank=True, editable=False)
    function = models.CharField(max_length=32, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    last_contact_on = models.DateField(null=True, blank=True, editable=False)
    # Storage limitation (Art. 5 GDPR, see vernetzt.people.retention): a never-contacted person is set
    # aside (left out of rankings and Today) and later deleted; "keep" restores them and restarts the clock.
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True, editable=False)
    kept_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name", "id"]
        indexes = [
            models.Index(fields=["owner", "last_name", "first_name"], name="person_owner_name"),
            # The few people one has a relationship with, out of a pool of up to a million: the
            # research pool refreshes their columns after every logged conversation.
            models.Index(
                fields=["owner"],
                condition=~Q(tier="pool")
                | Q(last_contact_on__isnull=False)
                | Q(linkedin_connected=True)
                | Q(xing_connected=True),
                name="person_owner_related",
            ),
            # Keywords search notes too: the research pool reads the few people with notes through
            # this, not by scanning a million rows (2 s, a tenth of the pool's build).
            models.Index(fields=["owner"], condition=~Q(notes=""), name="person_owner_noted"),
            # Birthdays this week on Today: the few people with a known birthday, by month.
            models.Index(
                fields=["owner", "birth_month"],
                condition=Q(birth_month__isnull=False),
                name="person_owner_birthday",
            ),
            # The few who asked not to be contacted: every read of the open tasks leaves theirs out.
            models.Index(
                fields=["owner"], condition=Q(do_not_contact=True), name="person_owner_do_not_contact"
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["owner"], condition=Q(is_me=True), name="one_me_per_owner"),
            models.CheckConstraint(
                condition=Q(birth_month__isnull=True) | Q(birth_month__gte=1, birth_month__lte=12),
                name="person_birth_month_valid",
            ),
            models.CheckConstraint(
                condition=Q(birth_day__isnull=True) | Q(birth_day__gte=1, birth_day__lte=31),
                name="person_birth_day_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def has_birthday(self) -> bool:
        return self.birth_day is not None and self.birth_month is not None


class Position(OwnedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions")
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="positions"
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    department = models.CharField(_("department"), max_length=200, blank=True)
    seniority = models.CharField(max_length=12, blank=True, editable=False)
    function = models.CharField(max_length=32, blank=True, editable=False)
    regions = models.JSONField(default=list, blank=True, editable=False)
    location = models.CharField(_("location"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("until"), null=True, blank=True)
    is_current = models.BooleanField(_("current"), default=True)

    class Meta:
        ordering = ["-is_current", "-start_date", "id"]
        indexes = [models.Index(fields=["owner", "is_current"], name="position_owner_current")]

    def __str__(self) -> str:
        return f"{self.title} @ {self.organization or '-'}"


class Education(OwnedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="education")
    school = models.CharField(_("school"), max_length=300)
    normalized_school = models.CharField(max_length=300, editable=False, db_index=True)
    degree = models.CharField(_("degree"), max_length=300, blank=True)
    start_year = models.PositiveSmallIntegerField(_("from"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["-end_year", "id"]

    def __str__(self) -> str:
        return self.school


class Tie(OwnedModel):
    """A relation between two persons: "knows" (symmetric in meaning) or "reports_to" (directed)."""

    class Kind(models.TextChoices):
        KNOWS = "knows", _("knows")
        REPORTS_TO = "reports_to", _("reports to")

    from_person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ties_out")
    to_person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ties_in")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.KNOWS)
    strength = models.PositiveSmallIntegerField(
        _("tie strength"), default=3, help_text=_("1 = barely know each other … 5 = very close")
    )
    source = models.CharField(max_length=50, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["from_person", "to_person", "kind"], name="tie_unique"),
            models.CheckConstraint(condition=~Q(from_person=models.F("to_person")), name="tie_not_self"),
            models.CheckConstraint(condition=Q(strength__gte=1, strength__lte=5), name="tie_strength_range"),
        ]


class Success(OwnedModel):
    """A recorded fact about a person's recent success: the material for prepared questions."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="successes")
    date = models.DateField(_("date"))
    text = models.CharField(_("what happened"), max_length=500)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]


class PersonPhoto(OwnedModel):
    """The one picture kept with a person, e.g. the business card they handed over (only when the
    user chose to keep it); the phone's address book shows it."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="photo")
    data = models.BinaryField()
    media_type = models.CharField(max_length=20, default="image/jpeg")
    created_at = models.DateTimeField(auto_now_add=True)
