// Code or files asked for before they are needed (start-up's chunks, the map's labels), so that
// they are on their way while the page does other work.

/** A request made now and used later: its failure is reported where it is used, not as an unhandled rejection meanwhile. */
export function askedFor<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}
