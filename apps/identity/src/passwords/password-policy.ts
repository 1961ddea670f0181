/** The rule a new password must meet, in the words the person setting it reads. */
export const PASSWORD_RULE = '密码长度为8到64位，须包含大写字母、小写字母、数字和符号中的至少三类，且不能与用户名相同';

const CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

/**
 * What is wrong with a new password (empty when it is acceptable): 8 to 64 characters, three of
 * the four character classes (等保 2.0 三级 practice), not the user name.
 */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < 8 || password.length > 64) problems.push('密码长度应为8到64位');
  if (CLASSES.filter((pattern) => pattern.test(password)).length < 3) problems.push('密码须包含大写字母、小写字母、数字和符号中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}
