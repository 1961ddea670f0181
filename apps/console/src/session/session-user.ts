/** The signed-in member of staff, as `GET /api/identity/sessions/current` describes them. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  departmentCode?: string | null;
  departmentName?: string | null;
  level?: string | null;
}

export interface SessionBody {
  user: SessionUser;
  expiresAt: string;
}
