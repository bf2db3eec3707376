"""Accounts: the local account, one-time login links and personal API tokens."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from vernetzt.accounts.models import ApiToken, LoginLink, User, hash_secret

DEFAULT_USERNAME = "me"


def ensure_account(*, username: str = DEFAULT_USERNAME) -> tuple[User, bool]:
    """Create the account if it does not exist. It gets no password: the first login is through a
    one-time link, and the user may set a password afterwards."""
    username = username.strip()
    if not username:
        raise ValueError("the account name must not be empty")
    user, created = get_user_model().objects.get_or_create(username=username)
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user, created


def resolve_account(username: str | None) -> User:
    """The account a command acts for: the named one, else the single local account."""
    users = get_user_model().objects.filter(is_active=True)
    try:
        users.exists()
    except DatabaseError:
        raise LookupError("the database is not set up yet; run `vernetzt init` first") from None
    if username:
        try:
            return users.get(username=username)
        except get_user_model().DoesNotExist:
            raise LookupError(
                f"no account named {username!r}; run `vernetzt init --user {username}`"
            ) from None
    accounts = list(users.order_by("id")[:2])
    if not accounts:
        raise LookupError("no account yet; run `vernetzt init` first")
    if len(accounts) > 1:
        raise LookupError("several accounts exist; choose one with --user or VERNETZT_USER")
    return accounts[0]


ACCOUNT_FIELDS = ("first_name", "last_name", "email", "language")


def update_account(*, user: User, **fields) -> User:
    """Name, e-mail address (the sender of drafts and the digest) and interface language."""
    unknown = set(fields) - set(ACCOUNT_FIELDS)
    if unknown:
        raise ValueError(f"not an account setting: {sorted(unknown)[0]}")
    if fields.get("language", "") not in {"", *dict(settings.LANGUAGES)}:
        raise ValueError(f"unknown language {fields['language']!r}")
    for name, value in fields.items():
        setattr(user, name, value)
    user.save(update_fields=list(fields))
    return user


def set_account_password(*, user: User, password: str) -> None:
    """The password for logging in without a link, checked by the configured validators (length,
    not common, not numeric, not like the account name); ValueError with their messages otherwise."""
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValueError(" ".join(error.messages)) from None
    user.set_password(password)
    user.save(update_fields=["password"])


def issue_login_link(*, user: User) -> str:
    """Return the path of a fresh one-time login link."""
    return f"/login/{LoginLink.issue(user=user)}/"


@transaction.atomic
def redeem_login_link(secret: str) -> User | None:
    link = (
        LoginLink.objects.select_for_update()
        .select_related("user")
        .filter(key_hash=hash_secret(secret))
        .first()
    )
    if link is None or not link.is_valid or not link.user.is_active:
        return None
    link.used_at = timezone.now()
    link.save(update_fields=["used_at"])
    return link.user


def issue_api_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    name = name.strip()
    if not name:
        raise ValueError("give the token a name")
    return ApiToken.issue(user=user, name=name[:100])


def revoke_api_token(*, user: User, token_id: int) -> bool:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)


def owner_of_secret(model, secret: str, *, prefix: str, user_field: str) -> User | None:
    """The active account a hashed secret (an API token, a calendar feed token) belongs to, or None;
    the token is marked as used."""
    if not secret.startswith(prefix):
        return None
    token = model.objects.select_related(user_field).filter(key_hash=hash_secret(secret)).first()
    user = getattr(token, user_field) if token is not None else None
    if user is None or not user.is_active:
        return None
    model.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return user


def authenticate_api_token(secret: str) -> User | None:
    return owner_of_secret(ApiToken, secret, prefix=ApiToken.PREFIX, user_field="user")
