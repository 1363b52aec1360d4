"""The review web app and the PM's brief.

``review.app.create_app`` builds the FastAPI app (served by ``handoff review``);
``review.brief`` renders an approved package as the PM brief (HTML/Markdown), the foreman sheet
and an ``.ics`` of its dated milestones. Imports ``models`` and ``store`` only — never Prefect or
spaCy.
"""

__all__: list[str] = []
