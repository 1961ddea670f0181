const ENV_VARIABLES = Symbol('onewindow:env-variables');

/** Binds a config property to an environment variable. */
export function Env(variable: string): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    const map: Map<string, string> = Reflect.getMetadata(ENV_VARIABLES, target) ?? new Map<string, string>();
    const copy = new Map(map);
    copy.set(String(property), variable);
    Reflect.defineMetadata(ENV_VARIABLES, copy, target);
  };
}

export function envVariablesOf(target: object): Map<string, string> {
  return Reflect.getMetadata(ENV_VARIABLES, target) ?? new Map<string, string>();
}
