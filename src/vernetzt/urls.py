from django.contrib.auth.views import LogoutView
from django.urls import path

from vernetzt.api.routes import api
from vernetzt.web.views import account, auth, events, goals, people, research, today

urlpatterns = [
    path("", today.today, name="today"),
    path("login/", auth.VernetztLoginView.as_view(), name="login"),
    path("login/<str:secret>/", auth.redeem_link, name="login_link"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("people/", people.person_list, name="person_list"),
    path("people/new/", people.person_create, name="person_create"),
    path("people/<int:pk>/", people.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", people.person_edit, name="person_edit"),
    path("people/<int:pk>/delete/", people.person_delete, name="person_delete"),
    path("goals/", goals.goal_list, name="goal_list"),
    path("goals/new/", goals.goal_create, name="goal_create"),
    path("goals/<int:pk>/", goals.goal_detail, name="goal_detail"),
    path("goals/<int:pk>/edit/", goals.goal_edit, name="goal_edit"),
    path("goals/<int:pk>/delete/", goals.goal_delete, name="goal_delete"),
    path("goals/<int:pk>/research/", research.goal_research, name="goal_research"),
    path("goals/<int:pk>/pipeline/", research.pipeline_add, name="pipeline_add"),
    path("goals/<int:pk>/pipeline/<int:target_pk>/stage/", research.pipeline_stage, name="pipeline_stage"),
    path("goals/<int:pk>/pipeline/<int:target_pk>/remove/", research.pipeline_remove, name="pipeline_remove"),
    path("research/upward/", research.upward, name="upward"),
    path("me/", research.my_profile, name="my_profile"),
    path("events/", events.event_list, name="event_list"),
    path("events/new/", events.event_create, name="event_create"),
    path("events/<int:pk>/", events.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", events.event_edit, name="event_edit"),
    path("events/<int:pk>/delete/", events.event_delete, name="event_delete"),
    path("settings/", account.settings_page, name="settings"),
    path("settings/tokens/<int:pk>/revoke/", account.token_revoke, name="token_revoke"),
    path("api/v1/", api.urls),
]
