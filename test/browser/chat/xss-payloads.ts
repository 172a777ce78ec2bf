/**
 * Known XSS and page-takeover payloads for the message sanitizer, as data. `$HIT` stands for a
 * call that records the payload's number when script runs; the test replaces it with
 * `__xss(<number>)`. `$GRAPH` stands for the Graph origin the sanitizer is given.
 *
 * They cover script elements, event handler attributes, script and data URLs, mutation XSS
 * (markup that changes meaning when parsed again), page-covering styles, resource loads, DOM
 * clobbering, and Teams' own tags carrying any of these.
 */
export interface XssPayload {
  name: string;
  html: string;
}

export const xssPayloads: XssPayload[] = [
  // Script elements.
  { name: 'script element', html: '<script>$HIT</script>' },
  { name: 'script split by nested tags', html: '<scr<script>ipt>$HIT</scr</script>ipt>' },
  { name: 'script inside svg', html: '<svg><script>$HIT</script></svg>' },
  { name: 'script in a template', html: '<template><script>$HIT</script></template>' },
  { name: 'attribute breakout', html: '"><script>$HIT</script>' },

  // Event handler attributes.
  { name: 'img onerror', html: '<img src=x onerror=$HIT>' },
  { name: 'img onerror quoted', html: '<img src="x" onerror="$HIT">' },
  { name: 'IMG ONERROR upper case', html: '<IMG SRC=x ONERROR=$HIT>' },
  { name: 'img with slashes for spaces', html: '<img/src=x/onerror=$HIT>' },
  { name: 'img onerror after a newline', html: '<img src=x onerror\n=$HIT>' },
  { name: 'img srcset onerror', html: '<img srcset="x 1x" onerror=$HIT>' },
  { name: 'svg onload', html: '<svg onload=$HIT>' },
  { name: 'body onload', html: '<body onload=$HIT>text' },
  { name: 'div onclick', html: '<div onclick="$HIT">click me</div>' },
  { name: 'div onmouseover', html: '<div onmouseover="$HIT">hover me</div>' },
  { name: 'input autofocus onfocus', html: '<input autofocus onfocus=$HIT>' },
  { name: 'select autofocus onfocus', html: '<select autofocus onfocus=$HIT><option>a</option></select>' },
  { name: 'textarea autofocus onfocus', html: '<textarea autofocus onfocus=$HIT></textarea>' },
  { name: 'details ontoggle', html: '<details open ontoggle=$HIT><summary>s</summary>x</details>' },
  { name: 'video source onerror', html: '<video><source onerror="$HIT"></video>' },
  { name: 'audio onerror', html: '<audio src=x onerror=$HIT></audio>' },
  { name: 'marquee onstart', html: '<marquee onstart=$HIT>x</marquee>' },
  { name: 'unknown element onclick', html: '<x onclick=$HIT>custom</x>' },
  { name: 'svg animate onbegin', html: '<svg><animate onbegin=$HIT attributeName=x dur=1s></svg>' },
  { name: 'link onclick next to href', html: '<a href="https://example.com/" onclick="$HIT">ok</a>' },
  { name: 'mention with a handler', html: '<at id="0" onmouseover="$HIT">Diego Siciliani</at>' },
  { name: 'code block with a handler', html: '<codeblock class="Sql" onclick="$HIT"><code>SELECT 1;</code></codeblock>' },
  { name: 'emoji alt holding markup', html: '<emoji id="1" alt="<img src=x onerror=$HIT>" title="t"></emoji>' },

  // Script URLs.
  { name: 'javascript: link', html: '<a href="javascript:$HIT">x</a>' },
  { name: 'mixed-case javascript: link', html: '<a href="JaVaScRiPt:$HIT">x</a>' },
  { name: 'entity-encoded javascript: link', html: '<a href="&#106;avascript:$HIT">x</a>' },
  { name: 'tab inside javascript:', html: '<a href="jav&#x09;ascript:$HIT">x</a>' },
  { name: 'leading space before javascript:', html: '<a href=" javascript:$HIT">x</a>' },
  { name: 'data: HTML link', html: '<a href="data:text/html,<script>$HIT</script>">x</a>' },
  { name: 'data: image link', html: '<a href="data:image/png;base64,AAAA">image</a>' },
  { name: 'vbscript: link', html: '<a href="vbscript:msgbox(1)">x</a>' },
  { name: 'iframe javascript: src', html: '<iframe src="javascript:parent.$HIT"></iframe>' },
  { name: 'iframe srcdoc', html: '<iframe srcdoc="<script>parent.$HIT</script>"></iframe>' },
  { name: 'object data', html: '<object data="javascript:$HIT"></object>' },
  { name: 'embed src', html: '<embed src="javascript:$HIT">' },
  { name: 'form action', html: '<form action="javascript:$HIT"><button>go</button></form>' },
  { name: 'button formaction', html: '<button formaction="javascript:$HIT">go</button>' },
  { name: 'svg xlink:href', html: '<svg><a xlink:href="javascript:$HIT"><text x="20" y="20">x</text></a></svg>' },
  { name: 'svg set to javascript:', html: '<svg><a><set attributeName="href" to="javascript:$HIT"/><text y="20">x</text></a></svg>' },
  { name: 'meta refresh', html: '<meta http-equiv="refresh" content="0;url=javascript:$HIT">' },
  { name: 'base href', html: '<base href="javascript:$HIT//"><a href="/x">x</a>' },
  { name: 'table background', html: '<table background="javascript:$HIT"><tr><td>x</td></tr></table>' },
  { name: 'data: svg image', html: '<img src="data:image/svg+xml,&lt;svg onload=$HIT&gt;">' },

  // Mutation XSS: markup that changes meaning when parsed again.
  { name: 'math mglyph style', html: '<math><mtext><table><mglyph><style><img src=x onerror=$HIT>' },
  { name: 'svg style', html: '<svg><style><img src=x onerror=$HIT></style></svg>' },
  { name: 'noscript title', html: '<noscript><p title="</noscript><img src=x onerror=$HIT>">' },
  { name: 'form nesting', html: '<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=$HIT>' },
  { name: 'comment hiding markup', html: '<p>ok</p><!--<img src=x onerror=$HIT>-->' },
  { name: 'textarea closing', html: '<textarea></textarea><img src=x onerror=$HIT></textarea>' },

  // Styles that restyle or cover the page.
  { name: 'style element', html: '<style>* { display: none !important }</style>text' },
  { name: 'style import', html: "<style>@import 'https://example.com/evil.css';</style>" },
  { name: 'fixed covering div', html: '<div style="position:fixed;top:0;left:0;width:100%;height:100%">cover</div>' },
  { name: 'absolute covering paragraph', html: '<p style="position:absolute;inset:0;z-index:2147483647">cover</p>' },
  { name: 'style background url', html: '<div style="background:url(javascript:$HIT)">x</div>' },
  { name: 'stylesheet link', html: '<link rel="stylesheet" href="data:text/css,body{display:none}">' },
  { name: 'class of the element', html: '<div class="visually-hidden spinner">x</div>' },

  // Loads and clobbering.
  { name: 'tracking image', html: '<img src="https://example.com/tracker.png" alt="pixel">' },
  { name: 'hosted content on a look-alike host', html: '<img src="https://graph.microsoft.com.example.net/v1.0/chats/1/messages/2/hostedContents/3/$value">' },
  { name: 'hosted content with a handler', html: '<img src="$GRAPH/v1.0/chats/19:a@thread.v2/messages/1/hostedContents/aWQ=/$value" onerror=$HIT>' },
  { name: 'id clobbering a global', html: '<a href="https://example.com/" id="location">clobber</a>' },
  { name: 'form clobbering attributes', html: '<form id="test"><input name="attributes"></form>' },
  { name: 'data and aria attributes', html: '<div data-action="x" aria-label="Fake label" role="button">x</div>' },
  { name: 'link opening in the same tab', html: '<a href="https://example.com/" target="_self">ok</a>' },

  // Mentions: Teams' <at> tag carrying markup, styles or a forged id.
  { name: 'mention wrapping an image', html: '<at id="0"><img src=x onerror=$HIT>Lee Gu</at>' },
  { name: 'mention wrapping a script', html: '<at id="0"><script>$HIT</script>Lee Gu</at>' },
  { name: 'mention with a style', html: '<at id="0" style="position:fixed;inset:0">Lee Gu</at>' },
  { name: 'mention id breaking out', html: '<at id="0&quot; onmouseover=&quot;$HIT">Lee Gu</at>' },
  { name: 'mention wrapping a link', html: '<at id="1"><a href="javascript:$HIT">Lee Gu</a></at>' },

  // Attachments: the <attachment> marker Graph puts in the body.
  { name: 'attachment marker with a handler', html: '<attachment id="1" onload="$HIT" onclick="$HIT"></attachment>' },
  { name: 'attachment marker holding an iframe', html: '<attachment id="1"><iframe src="javascript:parent.$HIT"></iframe></attachment>' },
  { name: 'attachment id holding markup', html: '<attachment id="<img src=x onerror=$HIT>"></attachment>' },

  // Inline image URLs.
  { name: 'image with a javascript: source', html: '<img src="javascript:$HIT">' },
  { name: 'hosted content over http', html: '<img src="http://localhost:4443/graph/v1.0/chats/1/messages/2/hostedContents/3/$value">' },
  { name: 'hosted content path leaving the chat', html: '<img src="$GRAPH/v1.0/chats/1/messages/2/hostedContents/3/$value/../../../../../me">' },
  { name: 'graph photo instead of hosted content', html: '<img src="$GRAPH/v1.0/users/1/photo/$value">' },
  { name: 'hosted content in srcset', html: '<img srcset="$GRAPH/v1.0/chats/1/messages/2/hostedContents/3/$value 1x">' },
  { name: 'hosted content sized to cover', html: '<img src="$GRAPH/v1.0/chats/1/messages/2/hostedContents/3/$value" width="100vw" height="9999px" style="position:fixed">' },
  { name: 'table sized to cover', html: '<table width="99999" height="99999"><tr><td width="99999">x</td></tr></table>' },
];
