/**
 * Not a map: the floor of loading the file in this browser, fetch + the whole text + JSON.parse, with no
 * validation, no index and no drawing. The benchmark reports it beside the three implementations.
 */
import { markPainted, start } from './ready';

start(async () => {
  const url = new URLSearchParams(window.location.search).get('data');
  if (!url) throw new Error('no ?data= given');
  const response = await fetch(url);
  const json = JSON.parse(await response.text()) as { features: unknown[] };
  document.body.textContent = `${json.features.length} features`;
  await markPainted();
});
