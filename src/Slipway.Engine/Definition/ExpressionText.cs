using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Slipway.Engine.Definition;

/// <summary>Renders a condition or requirement lambda as the C# a user wrote, e.g. "!TestsUpToDate".</summary>
internal static class ExpressionText
{
    public static string Of(LambdaExpression lambda) => Render(lambda.Body);

    static string Render(Expression expression) => expression switch
    {
        UnaryExpression { NodeType: ExpressionType.Not } not => "!" + Wrap(not.Operand),
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert => Render(convert.Operand),
        UnaryExpression { NodeType: ExpressionType.Negate } negate => "-" + Wrap(negate.Operand),
        BinaryExpression binary => Binary(binary),
        MemberExpression member => Member(member),
        ConstantExpression constant => Constant(constant.Value),
        MethodCallExpression call => Call(call),
        _ => expression.ToString(),
    };

    static string Wrap(Expression expression) =>
        expression is BinaryExpression ? $"({Render(expression)})" : Render(expression);

    static string Binary(BinaryExpression binary)
    {
        var (left, right) = (Render(binary.Left), Render(binary.Right));
        // Enum comparisons are compiled as integer comparisons; show the enum member instead of its number.
        if (EnumType(binary.Left) is { } leftEnum && binary.Right is ConstantExpression { Value: { } rightValue })
            right = $"{leftEnum.Name}.{Enum.ToObject(leftEnum, rightValue)}";
        if (EnumType(binary.Right) is { } rightEnum && binary.Left is ConstantExpression { Value: { } leftValue })
            left = $"{rightEnum.Name}.{Enum.ToObject(rightEnum, leftValue)}";
        return $"{WrapLower(binary.Left, left, binary)} {Operator(binary.NodeType)} {WrapLower(binary.Right, right, binary)}";
    }

    static string WrapLower(Expression operand, string text, BinaryExpression parent) =>
        operand is BinaryExpression child && Precedence(child.NodeType) < Precedence(parent.NodeType) ? $"({text})" : text;

    static int Precedence(ExpressionType type) => type switch
    {
        ExpressionType.Coalesce => 0,
        ExpressionType.OrElse => 1,
        ExpressionType.AndAlso => 2,
        ExpressionType.Equal or ExpressionType.NotEqual => 3,
        ExpressionType.Add or ExpressionType.Subtract => 5,
        _ => 4,
    };

    static Type? EnumType(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Convert, Operand.Type: var type }
            && (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } enumType
            ? enumType
            : null;

    static string Operator(ExpressionType type) => type switch
    {
        ExpressionType.AndAlso => "&&",
        ExpressionType.OrElse => "||",
        ExpressionType.Equal => "==",
        ExpressionType.NotEqual => "!=",
        ExpressionType.LessThan => "<",
        ExpressionType.LessThanOrEqual => "<=",
        ExpressionType.GreaterThan => ">",
        ExpressionType.GreaterThanOrEqual => ">=",
        ExpressionType.Add => "+",
        ExpressionType.Subtract => "-",
        ExpressionType.Coalesce => "??",
        _ => type.ToString(),
    };

    static string Member(MemberExpression member) => member.Expression switch
    {
        null => $"{member.Member.DeclaringType!.Name}.{member.Member.Name}",
        // The build instance or a compiler closure: the user wrote the bare name.
        ConstantExpression => member.Member.Name,
        var owner => $"{Render(owner)}.{member.Member.Name}",
    };

    static string Call(MethodCallExpression call)
    {
        var arguments = call.Arguments.Select(Render).ToList();
        if (call.Method.IsDefined(typeof(ExtensionAttribute), inherit: false))
            return $"{Wrap(call.Arguments[0])}.{call.Method.Name}({string.Join(", ", arguments.Skip(1))})";
        var owner = call.Object switch
        {
            null => call.Method.DeclaringType!.Name + ".",
            ConstantExpression => "",
            var instance => Render(instance) + ".",
        };
        return $"{owner}{call.Method.Name}({string.Join(", ", arguments)})";
    }

    static string Constant(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => "this",
    };
}
