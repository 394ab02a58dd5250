"""`brandlint audit --executor dask`: the compiled guide and the files travel with the jobs.

The cluster is real (`LocalCluster`, worker processes): the project folder is moved away
after the client has compiled the guide and read the files, before any job runs, so a
worker that opened the guide or a document would fail or lint with another guide.
"""

from __future__ import annotations

import shutil
import sys
from concurrent.futures import Executor, Future

import pytest

from brandlint import __version__
from brandlint.audit.dask_executor import DaskExecutor
from brandlint.audit.run import AuditOptions, run_audit
from brandlint.cli.main import main
from brandlint.workspace import Settings
from tests.audit.guides import GUIDE

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
    ) as running:
        yield running


@pytest.fixture
def client(cluster):
    with distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture
def project(tmp_path):
    """A project with its guide and its copy in one folder, as a content repository is."""
    root = tmp_path / "site"
    (root / "web").mkdir(parents=True)
    (root / "brandlint.yaml").write_text(GUIDE)
    (root / "web" / "launch.md").write_text(
        "# Omnichannel launch\n\nAcme cloud ships omnichannel reports.\n"
    )
    (root / "web" / "faq.html").write_text(
        "<html><body><h1>FAQ</h1><p>Is Acme Cloud omni-channel? Yes.</p></body></html>\n"
    )
    (root / "posts.csv").write_text("id,channel,body\np1,social,Try AcmeCloud today\n")
    return root


class MovingExecutor(DaskExecutor):
    """Moves the project away once the client has read everything, before any job runs."""

    def __init__(self, client, project, away):
        super().__init__(client)
        self.project, self.away = project, away

    def ship(self, value):
        shutil.move(self.project, self.away)
        return super().ship(value)


def audit(project, executor=None):
    options = AuditOptions([str(project)], Settings(), workers=1, cache=None)
    return run_audit(options, executor)


def shipped_workspaces(client):
    """How many workspaces for guides sent from the client each worker holds."""
    held = client.run(
        lambda: sum(1 for key in sys.modules["brandlint.parallel"]._WORKSPACES if key[1])
    )
    return sorted(held.values())


def test_workers_lint_with_the_guide_and_bytes_the_client_sent(project, client, tmp_path):
    local = audit(project)
    away = tmp_path / "moved"
    remote = audit(project, MovingExecutor(client, project, away))
    assert not project.exists()
    assert remote == local
    found = [
        (
            a.path.removeprefix(str(project)),
            a.rule,
            (a.span.line, a.span.column, a.span.end_line, a.span.end_column),
            a.message,
            a.replacements,
        )
        for a in remote.alerts
    ]
    assert found == [
        (
            "/posts.csv#p1",
            "acme.terms.acme-cloud",
            (1, 5, 1, 14),
            "Write 'Acme Cloud', not 'AcmeCloud'.",
            ("Acme Cloud",),
        ),
        (
            "/web/launch.md",
            "acme.terms.acme-cloud",
            (3, 1, 3, 11),
            "Write 'Acme Cloud', not 'Acme cloud'.",
            ("Acme Cloud",),
        ),
    ]
    # the forms each worker counted, across files
    spread = [(v.rule, [(f.form, f.files) for f in v.forms]) for v in remote.variants]
    assert spread == [
        ("acme.consistency.omnichannel", [("omni-channel", 1), ("omnichannel", 1)]),
        ("acme.terms.acme-cloud", [("Acme Cloud", 1), ("Acme cloud", 1), ("AcmeCloud", 1)]),
    ]


def test_a_worker_keeps_the_guide_it_was_sent_until_it_changes(project, client, tmp_path):
    before = shipped_workspaces(client)
    first = audit(project, MovingExecutor(client, project, tmp_path / "first"))
    shutil.move(tmp_path / "first", project)
    again = audit(project, MovingExecutor(client, project, tmp_path / "again"))
    assert again == first
    assert shipped_workspaces(client) == [before[0] + 1]  # the same guide: kept, not rebuilt
    shutil.move(tmp_path / "again", project)
    (project / "brandlint.yaml").write_text(GUIDE.replace("level: error", "level: warning"))
    edited = audit(project, MovingExecutor(client, project, tmp_path / "edited"))
    assert [a.level.name for a in edited.alerts if a.rule == "acme.terms.acme-cloud"] == [
        "WARNING",
        "WARNING",
    ]
    assert shipped_workspaces(client) == [before[0] + 1]  # the new version replaced the old


def test_workers_of_another_brandlint_version_are_refused(project, cluster, client, capsys):
    address = next(iter(client.scheduler_info()["workers"]))
    client.run(lambda: setattr(sys.modules["brandlint"], "__version__", "0.0.1-other"))
    scheduler = cluster.scheduler_address
    try:
        code = main(
            ["audit", str(project), "--no-cache", "--executor", "dask", "--scheduler", scheduler]
        )
    finally:
        client.run(lambda v=__version__: setattr(sys.modules["brandlint"], "__version__", v))
    assert code == 2
    assert capsys.readouterr().err == (
        f"brandlint: Dask workers must run brandlint {__version__}, as this client does: "
        f"{address} has 0.0.1-other; install brandlint=={__version__} on every worker\n"
    )


class ImagelessWorker(Executor):
    """A remote executor whose jobs run here at once, with the image files moved away while
    they run: a worker on a machine that has the documents' bytes and no image files."""

    workers = 1

    def __init__(self, images):
        self.images = images

    def ship(self, value):
        return value

    def submit(self, fn, /, *args, **kwargs):
        done = Future()
        for image in self.images:
            image.rename(image.with_suffix(".away"))
        try:
            done.set_result(fn(*args, **kwargs))
        finally:
            for image in self.images:
                image.with_suffix(".away").rename(image)
        return done


def test_copy_whose_image_files_a_worker_lacks_is_judged_by_the_client(tmp_path):
    from PIL import Image

    guide = "name: acme\nassets:\n  images:\n    hero: {files: ['*hero*'], sizes: [{width: 600}]}\n"
    (tmp_path / "brandlint.yaml").write_text(guide)
    (tmp_path / "mail.md").write_text("Spring is here.\n\n![Tulips](hero.png)\n")
    Image.new("RGB", (640, 300)).save(tmp_path / "hero.png")
    local = audit(tmp_path)
    remote = audit(tmp_path, ImagelessWorker([tmp_path / "hero.png"]))
    assert remote == local
    assert [(a.rule, a.span.line, a.span.column, a.message) for a in remote.alerts] == [
        (
            "acme.images.hero",
            3,
            1,
            "Hero image 'hero.png' is 640×300 px (from the file); hero images are 600 px wide.",
        )
    ]


def test_a_worker_that_joined_after_the_check_refuses_jobs_of_another_version(project):
    from brandlint.audit.items import Item
    from brandlint.audit.worker import ShippedGuides, ShippedItem, audit_shipped
    from brandlint.core.errors import UsageError

    page = str(project / "web" / "launch.md")
    job = ShippedItem(Item(page, page), b"Acme cloud.", None)
    with pytest.raises(UsageError) as refused:
        audit_shipped(Settings(), ShippedGuides("0.0.1-other", {}), job)
    assert str(refused.value) == (
        f"a Dask worker runs brandlint {__version__} and this client 0.0.1-other: "
        "install brandlint==0.0.1-other on every worker"
    )
