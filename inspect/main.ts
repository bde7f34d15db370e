/**
 * Script of the offline inspector page (inspect.html). The page works with no server behind it, and its
 * Content-Security-Policy forbids every connection and any eval.
 */
import '../components/backup-inspector/backup-inspector.js';
