"""Alert sinks for real: a webhook receiver on 127.0.0.1, and SNS on a moto server subprocess
(the topic delivers to a subscribed SQS queue, which is read back)."""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pyarrow as pa
import pytest

from catalog.registry import table_spec
from checks.alerts import send_alert, send_pipeline_alert, sinks_from_settings
from checks.runner import AuditReport, run_checks
from core.errors import ConfigError
from core.settings import load_settings


def failing_report() -> AuditReport:
    """A real failed audit: silver.securities with a duplicated ticker and an invented exchange."""
    rows = [
        dict(
            ticker="BRK.B",
            company_name="Berkshire Hathaway Inc",
            cik=1067983,
            exchange="NYSE",
            sector=None,
            in_sp500=False,
        ),
        dict(
            ticker="BRK.B",
            company_name="Berkshire Hathaway Inc",
            cik=1067983,
            exchange="Moon",
            sector=None,
            in_sp500=False,
        ),
    ]
    data = {"silver.securities": pa.Table.from_pylist(rows, table_spec("silver.securities").arrow_schema())}
    report = AuditReport(
        "silver.securities", 1234, run_checks("silver.securities", data, snapshot_id=1234), "run-1"
    )
    assert not report.passed
    return report


class _Receiver(http.server.BaseHTTPRequestHandler):
    received: list[dict]
    status: int = 204

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append({"content_type": self.headers["Content-Type"], "json": json.loads(body)})
        self.send_response(self.status)
        self.end_headers()

    def log_message(self, *args) -> None:  # keep test output clean
        pass


@contextlib.contextmanager
def webhook_receiver(status: int = 204) -> Iterator[tuple[str, list[dict]]]:
    """An HTTP server on 127.0.0.1 that records every JSON POST; yields (url, received)."""
    received: list[dict] = []
    handler = type("Handler", (_Receiver,), {"received": received, "status": status})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hooks/lakehouse", received
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_webhook_gets_the_failed_audit_as_json(caplog):
    report = failing_report()
    with webhook_receiver() as (url, received):
        settings = load_settings({"LAKEHOUSE_ALERT_SINKS": "log,webhook", "LAKEHOUSE_ALERT_WEBHOOK_URL": url})
        with caplog.at_level(logging.ERROR, logger="checks.alerts"):
            assert send_alert(settings, report) == []
    (post,) = received
    assert post["content_type"] == "application/json"
    alert = post["json"]
    assert alert["kind"] == "audit_failed"
    assert (alert["table"], alert["snapshot_id"], alert["run_id"], alert["passed"]) == (
        "silver.securities",
        1234,
        "run-1",
        False,
    )
    failed = {c["check"]: c for c in alert["checks"]}
    assert set(failed) == {"ticker is unique", "exchange is one the SEC list uses"}
    assert failed["ticker is unique"]["value"] == 1
    assert failed["exchange is one the SEC list uses"]["failed_rows_sample"][0]["exchange"] == "Moon"
    assert alert["subject"].startswith("lakehouse: audit of silver.securities@1234 failed (2 checks:")
    assert "FAIL  ticker is unique: value 1" in alert["summary"]
    assert dt.datetime.fromisoformat(alert["sent_at"]).tzinfo is not None
    # The log sink got the same readable summary.
    assert any("ALERT lakehouse: audit of silver.securities" in r.getMessage() for r in caplog.records)


def test_a_broken_sink_does_not_stop_the_others(caplog):
    with webhook_receiver(status=500) as (url, received):
        settings = load_settings({"LAKEHOUSE_ALERT_SINKS": "webhook,log", "LAKEHOUSE_ALERT_WEBHOOK_URL": url})
        with caplog.at_level(logging.ERROR, logger="checks.alerts"):
            assert send_alert(settings, failing_report()) == ["webhook"]
    assert len(received) == 1
    messages = [r.getMessage() for r in caplog.records]
    assert any("alert sink webhook could not deliver" in m for m in messages)
    assert any(m.startswith("ALERT lakehouse: audit of silver.securities") for m in messages)


def test_sink_configuration_errors_are_clear_and_fall_back_to_the_log(caplog):
    assert [s.name for s in sinks_from_settings(load_settings({}))] == ["log"]
    with pytest.raises(ConfigError, match=r"unknown sinks \['pager'\]; use any of log, webhook, sns"):
        sinks_from_settings(load_settings({"LAKEHOUSE_ALERT_SINKS": "log,pager"}))
    with pytest.raises(ConfigError, match="set LAKEHOUSE_ALERT_WEBHOOK_URL"):
        sinks_from_settings(load_settings({"LAKEHOUSE_ALERT_SINKS": "webhook"}))
    with pytest.raises(ConfigError, match="set LAKEHOUSE_ALERT_SNS_TOPIC_ARN"):
        sinks_from_settings(load_settings({"LAKEHOUSE_ALERT_SINKS": "sns"}))
    with caplog.at_level(logging.ERROR, logger="checks.alerts"):
        assert send_alert(load_settings({"LAKEHOUSE_ALERT_SINKS": "sns"}), failing_report()) == []
    messages = [r.getMessage() for r in caplog.records]
    assert any("misconfigured" in m and "sending to the log only" in m for m in messages)
    assert any(m.startswith("ALERT ") for m in messages)


def test_pipeline_failures_alert_too():
    with webhook_receiver() as (url, received):
        settings = load_settings({"LAKEHOUSE_ALERT_SINKS": "webhook", "LAKEHOUSE_ALERT_WEBHOOK_URL": url})
        assert (
            send_pipeline_alert(settings, run_id="abc", step="transform.silver", error="audit failed") == []
        )
    (post,) = received
    assert post["json"] | {"sent_at": None} == {
        "kind": "pipeline_failed",
        "subject": "lakehouse: pipeline run abc failed at transform.silver",
        "summary": "pipeline run abc failed at transform.silver: audit failed",
        "run_id": "abc",
        "step": "transform.silver",
        "error": "audit failed",
        "sent_at": None,
    }


# -- SNS on a moto server -------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    """A moto server in its own process on 127.0.0.1 (in-process moto holds GBs; tech notes §0)."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"moto server did not start (exit code {proc.poll()})")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in [v for v in os.environ if v.startswith("AWS_")]:
        monkeypatch.delenv(var)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)


def test_sns_topic_delivers_the_alert_to_a_subscribed_queue(moto_endpoint, aws_env):
    import boto3

    region = "eu-west-1"
    sns = boto3.client("sns", region_name=region, endpoint_url=moto_endpoint)
    sqs = boto3.client("sqs", region_name=region, endpoint_url=moto_endpoint)
    topic_arn = sns.create_topic(Name="lakehouse-alerts")["TopicArn"]
    queue_url = sqs.create_queue(QueueName="lakehouse-alerts-inbox")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    sns.subscribe(TopicArn=topic_arn, Protocol="sqs", Endpoint=queue_arn)

    # No region setting: the sink takes the topic's own region from its ARN.
    settings = load_settings(
        {
            "LAKEHOUSE_ALERT_SINKS": "sns",
            "LAKEHOUSE_ALERT_SNS_TOPIC_ARN": topic_arn,
            "LAKEHOUSE_ALERT_SNS_ENDPOINT": moto_endpoint,
        }
    )
    assert send_alert(settings, failing_report()) == []

    messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=5)["Messages"]
    (envelope,) = [json.loads(m["Body"]) for m in messages]
    assert envelope["TopicArn"] == topic_arn
    assert envelope["Subject"].startswith("lakehouse: audit of silver.securities@1234 failed")
    assert len(envelope["Subject"]) <= 100
    assert envelope["MessageAttributes"]["kind"]["Value"] == "audit_failed"
    alert = json.loads(envelope["Message"])
    assert (alert["table"], alert["snapshot_id"], alert["passed"]) == ("silver.securities", 1234, False)
    assert {c["check"] for c in alert["checks"]} == {"ticker is unique", "exchange is one the SEC list uses"}


def test_sns_failure_is_reported_not_raised(moto_endpoint, aws_env, caplog):
    settings = load_settings(
        {
            "LAKEHOUSE_ALERT_SINKS": "sns,log",
            "LAKEHOUSE_ALERT_SNS_TOPIC_ARN": "arn:aws:sns:eu-west-1:123456789012:no-such-topic",
            "LAKEHOUSE_ALERT_SNS_ENDPOINT": moto_endpoint,
        }
    )
    with caplog.at_level(logging.ERROR, logger="checks.alerts"):
        assert send_alert(settings, failing_report()) == ["sns"]
    assert any("alert sink sns could not deliver" in r.getMessage() for r in caplog.records)
