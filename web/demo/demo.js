// The demo page takes the tracuu server from ?endpoint= (default: the page's own origin),
// loads the widget from there and places it.
const endpoint = (new URLSearchParams(location.search).get('endpoint') || location.origin).replace(/\/+$/, '');
const script = document.createElement('script');
script.type = 'module';
script.src = `${endpoint}/embed.js`;
document.head.append(script);
const box = document.createElement('tracuu-search');
box.setAttribute('endpoint', endpoint);
document.getElementById('slot').append(box);
