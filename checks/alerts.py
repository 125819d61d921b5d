"""Alerts: tell someone when an audit rejects a write or a pipeline run fails.

Sinks are pluggable and chosen in settings (``LAKEHOUSE_ALERT_SINKS=log,webhook,sns``):

* ``log`` (default): an ERROR record on the ``checks.alerts`` logger, with the readable summary;
* ``webhook``: an HTTP POST of the alert as JSON to ``LAKEHOUSE_ALERT_WEBHOOK_URL``;
* ``sns``: an SNS publish (boto3) to ``LAKEHOUSE_ALERT_SNS_TOPIC_ARN``; the endpoint
  (``LAKEHOUSE_ALERT_SNS_ENDPOINT``) and region are configurable, credentials come from boto3's chain.

Every alert is one JSON object (:meth:`Alert.payload`): ``kind`` (``audit_failed`` or
``pipeline_failed``), ``subject``, ``summary``, and the details (table, snapshot, failed checks
with their values and failing-row samples). A sink that fails is logged and skipped: an alert
problem must never hide the failure it reports.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from core.errors import ConfigError

if TYPE_CHECKING:
    from checks.runner import AuditReport
    from core.settings import Settings

logger = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Alert:
    """What went wrong, readable (``subject``, ``summary``) and structured (``details``)."""

    kind: str
    subject: str
    summary: str
    details: Mapping[str, Any]
    sent_at: dt.datetime = dataclasses.field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def payload(self) -> dict[str, Any]:
        return {"kind": self.kind, "subject": self.subject, "summary": self.summary,
                "sent_at": self.sent_at.isoformat(timespec="seconds"), **self.details}

    def to_json(self) -> str:
        return json.dumps(self.payload(), default=str, ensure_ascii=False)


class AlertSink(Protocol):
    """Where alerts go: a named sink that delivers one alert."""
    name: str

    def send(self, alert: Alert) -> None: ...


@dataclasses.dataclass(frozen=True)
class LogSink:
    """Alerts as ERROR lines in the operator log (always on)."""
    name: str = "log"

    def send(self, alert: Alert) -> None:
        logger.error("ALERT %s\n%s", alert.subject, alert.summary)


@dataclasses.dataclass(frozen=True)
class WebhookSink:
    """Alerts POSTed as JSON to a URL (Slack-compatible ``text`` field)."""
    url: str
    timeout: float = 10.0
    name: str = "webhook"

    def send(self, alert: Alert) -> None:
        import requests

        response = requests.post(self.url, data=alert.to_json().encode("utf-8"), timeout=self.timeout,
                                 headers={"Content-Type": "application/json"})
        response.raise_for_status()


@dataclasses.dataclass(frozen=True)
class SnsSink:
    """Alerts published to an AWS SNS topic."""
    topic_arn: str
    region: str | None = None
    endpoint_url: str | None = None
    name: str = "sns"

    def send(self, alert: Alert) -> None:
        import boto3

        # The topic's own region (arn:aws:sns:<region>:…) is the right default when none is set.
        parts = self.topic_arn.split(":")
        region = self.region or (parts[3] if len(parts) > 3 and parts[3] else None)
        client = boto3.client("sns", region_name=region, endpoint_url=self.endpoint_url)
        client.publish(TopicArn=self.topic_arn, Subject=_sns_subject(alert.subject), Message=alert.to_json(),
                       MessageAttributes={"kind": {"DataType": "String", "StringValue": alert.kind}})


def _sns_subject(subject: str) -> str:
    # SNS subjects: at most 100 printable ASCII characters, no line breaks.
    text = "".join(c if 32 <= ord(c) < 127 else "?" for c in subject)
    return text if len(text) <= 100 else text[:97] + "..."


SINK_NAMES = ("log", "webhook", "sns")


def sinks_from_settings(settings: Settings) -> list[AlertSink]:
    """The sinks ``settings.alert_sinks`` names, configured.

    Raises:
        ConfigError: an unknown sink, or a sink without its URL/topic.
    """
    names = [n.strip().lower() for n in (settings.alert_sinks or "").split(",") if n.strip()]
    unknown = [n for n in names if n not in SINK_NAMES]
    if unknown:
        raise ConfigError(f"LAKEHOUSE_ALERT_SINKS names unknown sinks {unknown}; use any of "
                          f"{', '.join(SINK_NAMES)}, comma-separated")
    sinks: list[AlertSink] = []
    for name in dict.fromkeys(names):
        if name == "log":
            sinks.append(LogSink())
        elif name == "webhook":
            if not settings.alert_webhook_url:
                raise ConfigError("The webhook alert sink needs a URL: set LAKEHOUSE_ALERT_WEBHOOK_URL")
            sinks.append(WebhookSink(settings.alert_webhook_url, settings.alert_webhook_timeout))
        else:
            if not settings.alert_sns_topic_arn:
                raise ConfigError("The sns alert sink needs a topic: set LAKEHOUSE_ALERT_SNS_TOPIC_ARN")
            sinks.append(SnsSink(settings.alert_sns_topic_arn, settings.alert_sns_region,
                                 settings.alert_sns_endpoint))
    return sinks


def deliver(sinks: Sequence[AlertSink], alert: Alert) -> list[str]:
    """Send ``alert`` to every sink; returns the names of the sinks that failed (each is logged)."""
    failed = []
    for sink in sinks:
        try:
            sink.send(alert)
        except Exception:  # one broken sink must not stop the others, nor the caller
            logger.exception("alert sink %s could not deliver %r", sink.name, alert.subject)
            failed.append(sink.name)
    return failed


def audit_alert(report: AuditReport) -> Alert:
    """The alert for an audit report (normally a failed one)."""
    bad = [r for r in report.results if r.outcome in ("fail", "error")]
    verdict = "passed" if report.passed else "failed"
    at = f"@{report.snapshot_id}" if report.snapshot_id is not None else ""
    subject = f"lakehouse: audit of {report.table}{at} {verdict}"
    if bad:
        subject += f" ({len(bad)} check{'s' if len(bad) != 1 else ''}: " + ", ".join(r.check for r in bad[:3])
        subject += ", …)" if len(bad) > 3 else ")"
    details = {
        "table": report.table, "snapshot_id": report.snapshot_id, "run_id": report.run_id,
        "passed": report.passed, "counts": report.counts(),
        "checks": [_check_details(r) for r in report.results if r.outcome != "pass"],
    }
    summary = report.summary()
    if not report.passed:
        details["advice"] = report.advice()
        summary += "\n" + details["advice"]
    return Alert("audit_failed" if not report.passed else "audit_report", subject, summary, details)


def _check_details(result) -> dict[str, Any]:
    return {"check": result.check, "outcome": result.outcome, "value": result.value,
            "failed_rows_sample": result.failed_rows_sample}


def send_alert(settings: Settings, report: AuditReport) -> list[str]:
    """Alert every configured sink about ``report``; returns the names of sinks that failed.

    A misconfigured sink list is reported and the alert still goes to the log.
    """
    return _send(settings, audit_alert(report))


def send_pipeline_alert(settings: Settings, *, run_id: str, step: str, error: str) -> list[str]:
    """Alert that pipeline run ``run_id`` stopped at ``step`` (used by :mod:`lakehouse.pipeline`)."""
    alert = Alert("pipeline_failed", f"lakehouse: pipeline run {run_id} failed at {step}",
                  f"pipeline run {run_id} failed at {step}: {error}",
                  {"run_id": run_id, "step": step, "error": error})
    return _send(settings, alert)


def _send(settings: Settings, alert: Alert) -> list[str]:
    try:
        configured = sinks_from_settings(settings)
    except ConfigError as exc:
        logger.error("alert sinks are misconfigured (%s); sending to the log only", exc)
        configured = [LogSink()]
    return deliver(configured, alert)
