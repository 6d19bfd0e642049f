import type { FastifyInstance } from 'fastify';
import { CASE_READERS } from '../../shared/casework/roles.ts';
import { PHOTO_TYPES } from '../../shared/evidence.ts';
import { API_PATHS } from '../../shared/protocol.ts';
import { requireRole } from '../auth/session-guard.ts';
import type { SessionService } from '../auth/sessions.ts';
import { problem, sendProblem } from '../problem.ts';
import { EvidenceIntegrityError, type CaseFileService, type OpenedCaseFile } from '../services/case-files.ts';
import { signedInUser, UUID } from './signed-in.ts';

/**
 * A downloaded file is someone else's bytes: it may not run script or load anything, even opened as a
 * page of this origin. Photos may show inline; styles inline only for the browser's own image viewer.
 */
export const CASE_FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

/** RFC 8187 `filename*`: every byte outside the attr-char set percent-encoded, so no quote, `;` or line break gets through. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename*=UTF-8''${encoded}`;
}

const noSuchCase = problem(404, 'not-found', 'There is no such case');
const noSuchFile = problem(404, 'not-found', 'There is no such file in this case');
const damaged = problem(500, 'internal', 'This file cannot be opened: what is stored of it is damaged', { detail: 'The read was recorded. Report it to the service team.' });

/**
 * A case reader lists a case's evidence files and downloads each, decrypted and streamed; every list
 * and read audited. The file name travels only in the list and the Content-Disposition of its download,
 * never in a URL or a log line.
 */
export function caseFileRoutes(app: FastifyInstance, { sessions, caseFiles }: { sessions: SessionService; caseFiles: CaseFileService }): void {
  const guard = requireRole(sessions, [...CASE_READERS]);

  app.get<{ Params: { id: string } }>(API_PATHS.caseFiles, { onRequest: guard }, async (request, reply) => {
    const { id } = request.params;
    const listed = UUID.test(id) ? await caseFiles.list(signedInUser(request), id) : undefined;
    return listed ?? sendProblem(reply, noSuchCase);
  });

  app.get<{ Params: { id: string; fileId: string } }>(
    API_PATHS.caseFile,
    // Already compressed (JPEG, PNG, PDF, DOCX) or not worth it, and the Content-Length must stay the plaintext's.
    { onRequest: guard, compress: false, exposeHeadRoute: false },
    async (request, reply) => {
      const { id, fileId } = request.params;
      if (!UUID.test(id)) return sendProblem(reply, noSuchCase);
      let opened: OpenedCaseFile | undefined;
      try {
        opened = UUID.test(fileId) ? await caseFiles.open(signedInUser(request), id, fileId) : undefined;
      } catch (error) {
        if (!(error instanceof EvidenceIntegrityError)) throw error;
        // The message names the chunk, never the file.
        request.log.error({ err: { name: error.name, message: error.message } }, 'evidence file unreadable');
        return sendProblem(reply, damaged);
      }
      if (!opened) return sendProblem(reply, noSuchFile);
      const inline = PHOTO_TYPES.includes(opened.type);
      return reply
        .code(200)
        .header('content-type', opened.type)
        .header('content-length', String(opened.size))
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', opened.name))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', CASE_FILE_CSP)
        .send(opened.stream);
    },
  );
}
