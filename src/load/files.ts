// Loading the app's files, with errors that say in the page which file failed and how.

export async function loadText(url: string, what: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`${what} could not be loaded (${(error as Error).message}).`);
  }
  if (!response.ok) throw new Error(`${what} could not be loaded: the server answered ${response.status} ${response.statusText}.`);
  return response.text();
}

export async function loadJson(url: string, what: string): Promise<unknown> {
  const text = await loadText(url, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${what} is not valid JSON (${(error as Error).message}).`);
  }
}
