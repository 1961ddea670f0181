type Json = Record<string, unknown>;

/**
 * Works a case through its remaining steps (审查, 审核) with a plain opinion, then posts the
 * decision at 批准. Returns the decision's status and body.
 */
export async function decideCase(
  approvalUrl: string,
  token: string,
  caseId: string,
  decision: Json,
): Promise<{ status: number; body: Json }> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const current = (await (await fetch(`${approvalUrl}/cases/${caseId}`, { headers })).json()) as Json;
  let step = current['currentStep'];
  for (let guard = 0; step !== 'approve' && guard < 3; guard += 1) {
    const response = await fetch(`${approvalUrl}/cases/${caseId}/advance`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ step, opinion: '材料齐全，符合法定形式，同意' }),
    });
    const body = (await response.json()) as Json;
    if (response.status !== 200) return { status: response.status, body };
    step = body['currentStep'];
  }
  const response = await fetch(`${approvalUrl}/cases/${caseId}/decision`, { method: 'POST', headers, body: JSON.stringify(decision) });
  return { status: response.status, body: (await response.json()) as Json };
}
