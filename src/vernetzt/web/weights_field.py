"""The goal form's "ranking weights": one number per component of the research score."""

from __future__ import annotations

from dataclasses import fields

from django import forms
from django.utils.translation import gettext_lazy as _

from vernetzt.core.ranking import Weights

DEFAULTS = {f.name: f.default for f in fields(Weights)}
LABELS = {
    "relevance": _("Fit with the goal"),
    "upward": _("Seniority above you"),
    "commonality": _("Commonalities"),
    "reachability": _("Reachable through a contact"),
    "relationship": _("Dormant or existing relationship"),
    "event": _("Attends the chosen event"),
}


class WeightsWidget(forms.MultiWidget):
    template_name = "vernetzt/research/_weights_widget.html"

    def __init__(self, attrs=None):
        widgets = [
            forms.NumberInput(attrs={"min": 0, "max": 10, "step": 0.5, "placeholder": DEFAULTS[name]})
            for name in DEFAULTS
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        value = value or {}
        return [value.get(name) for name in DEFAULTS]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, weight in zip(context["widget"]["subwidgets"], DEFAULTS, strict=True):
            subwidget["label"] = LABELS[weight]
        return context


class WeightsField(forms.MultiValueField):
    """A dict {component: weight}; empty inputs keep the default."""

    widget = WeightsWidget

    def __init__(self, **kwargs):
        parts = [forms.FloatField(min_value=0, max_value=10, required=False) for _ in DEFAULTS]
        super().__init__(parts, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        return {name: value for name, value in zip(DEFAULTS, data_list, strict=False) if value is not None}
