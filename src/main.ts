// The page's entry: it starts the first engine worker, then loads the app. A static import of the app would
// fetch and run all of its modules before this line, and keep the page too busy to start the worker.
import './worker/firstWorker';

void import('./boot');
