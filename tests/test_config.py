from __future__ import annotations

import stat

import pytest

from vernetzt.config import ConfigError, load_config


def test_secret_is_generated_once_and_private(tmp_path, monkeypatch):
    monkeypatch.setenv("VERNETZT_HOME", str(tmp_path))
    monkeypatch.delenv("VERNETZT_SECRET_KEY", raising=False)
    first = load_config()
    second = load_config()
    assert first.secret_key == second.secret_key and len(first.secret_key) >= 50
    mode = (tmp_path / "secret_key").stat().st_mode
    assert stat.S_IMODE(mode) == 0o600


@pytest.mark.parametrize("secret", ["changeme", "a" * 80, "django-insecure"])
def test_weak_secret_is_refused_outside_development(tmp_path, monkeypatch, secret):
    monkeypatch.setenv("VERNETZT_HOME", str(tmp_path))
    monkeypatch.setenv("VERNETZT_SECRET_KEY", secret)
    monkeypatch.delenv("VERNETZT_DEBUG", raising=False)
    with pytest.raises(ConfigError, match="too weak"):
        load_config()


def test_weak_secret_is_tolerated_in_development(tmp_path, monkeypatch):
    monkeypatch.setenv("VERNETZT_HOME", str(tmp_path))
    monkeypatch.setenv("VERNETZT_SECRET_KEY", "dev")
    monkeypatch.setenv("VERNETZT_DEBUG", "1")
    assert load_config().secret_key == "dev"


def test_https_public_url_turns_on_secure_cookies(tmp_path, monkeypatch):
    monkeypatch.setenv("VERNETZT_HOME", str(tmp_path))
    monkeypatch.setenv("VERNETZT_PUBLIC_URL", "https://crm.example.org/")
    config = load_config()
    assert config.https and "crm.example.org" in config.allowed_hosts
