"""Walk a list page by page the way a user does: follow its "Berikutnya" links to the end, then "Sebelumnya" back."""

import html
import re
from urllib.parse import urljoin


def link(page_html: str, rel: str) -> str | None:
    found = re.search(rf'rel="{rel}" href="([^"]+)"', page_html)
    return html.unescape(found.group(1)) if found else None


def walk(client, url: str, params: dict, row_ids) -> tuple[list[list], list[str]]:
    """The rows of every page from the first by "Berikutnya", and the links followed; then checks the way back.

    `row_ids(response)` names a page's rows. Going back by "Sebelumnya" from the last page must show the same
    pages in reverse: the cursors lead back to the very rows seen on the way forward.
    """
    response = client.get(url, params)
    pages, links, responses = [row_ids(response)], [], [response]
    while next_url := link(response.content.decode(), "next"):
        links.append(next_url)
        response = client.get(urljoin(url, next_url))
        assert response.status_code == 200
        pages.append(row_ids(response))
        responses.append(response)
        assert len(pages) < 100, "the links go round in circles"
    back = [pages[-1]]
    while previous_url := link(response.content.decode(), "prev"):
        links.append(previous_url)
        response = client.get(urljoin(url, previous_url))
        back.append(row_ids(response))
        assert len(back) < 100
    assert back[::-1] == pages
    return pages, links
